"""The Reflex skin: states turn events into domain calls, pages turn results into components."""
