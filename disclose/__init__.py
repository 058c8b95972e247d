"""disclose: writes a budget unit's 部门决算公开说明 from one YAML data file."""

__version__ = "0.1.0"
