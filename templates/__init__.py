"""The house styles: one folder of Jinja2 templates and a style.yaml each (see disclose/style.py)."""
