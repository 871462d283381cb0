"""Checked loading: the data files, their vocabularies and the problems found in them; uploads and ACLED."""
