"""The map: folium objects, the browser bundle, the files the browser loads, the time control's steps."""
