DROP TABLE material_chunks;
DROP TABLE materials;
