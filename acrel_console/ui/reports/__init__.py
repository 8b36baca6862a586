"""The report center's parts: report catalogue, table model, chart, period picker, export runner."""
