"""One State per view: start page, facilitator (console and projector), phone."""
