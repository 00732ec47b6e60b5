"""Components are functions that return components."""
