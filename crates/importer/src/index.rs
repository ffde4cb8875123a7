//! (in progress: owned by the importer-formats helper)
