"""The shared database: engine, schema, migrations, queries, seed loader and command line."""
