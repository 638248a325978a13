-- Run once by the postgres image when its data volume is new: one database per app, both owned
-- by the user the image creates (POSTGRES_USER).
CREATE DATABASE acube;
CREATE DATABASE attn;
