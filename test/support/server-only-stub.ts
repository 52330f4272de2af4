// Stands in for the server-only marker package in unit tests (plain Node, no RSC bundler).
export {};
