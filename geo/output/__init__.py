"""Exports: the self-contained page, images and video, the share site, the classroom handout."""
