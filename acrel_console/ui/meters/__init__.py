"""The Meters page's parts: live model, filter, tile delegate, legend, site tree, detail panel, control dialogs."""
