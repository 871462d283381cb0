"""Words: every string in each language, times and counts as words, the map at a moment in words."""
