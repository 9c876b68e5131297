"""Text the window shows: names of model ids, sentences of the event log, errors, units."""
