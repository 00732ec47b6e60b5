"""How a change committed to the database reaches the screens in the room."""
