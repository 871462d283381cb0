"""The pure time model: the slider's steps, the state of the map at time t, marches, the view in a URL, key moments."""
