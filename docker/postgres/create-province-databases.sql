-- One database per province, as each province runs its own (DESIGN.md); each subgraph creates
-- its tables by migration on first start. Runs once, when the PostgreSQL volume is empty.
CREATE DATABASE lang_son;
CREATE DATABASE long_an;
CREATE DATABASE bac_giang;
