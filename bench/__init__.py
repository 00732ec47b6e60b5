"""Load harnesses that drive a running livinglab server the way real browsers do."""
