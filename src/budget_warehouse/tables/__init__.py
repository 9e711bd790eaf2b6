"""One parser per table family of the 15-table 部门预算 template."""
