"""The records wing: what a closed workshop leaves behind, and who reads and follows it up.

Above the room's modules (it reads their tables) and below retention (which purges through
it). `record` builds a record from the live tables; `versions` seals it at closing and keeps
every later correction as a new version in a hash chain; the web view, the search, the
follow-ups and who may read them all read the sealed version.
"""
