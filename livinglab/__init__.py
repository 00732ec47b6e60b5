"""livinglab: a real-time room for living-lab co-creation workshops."""
