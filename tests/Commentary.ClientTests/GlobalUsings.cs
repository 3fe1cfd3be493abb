// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using Commentary.Testing;
global using Xunit;
