using System.Diagnostics.CodeAnalysis;

// CA1861 is a performance rule about re-allocating constant arrays on hot paths. In these tests the
// arrays are expected values written inline in assertions, allocated once per test: moving each into
// a static field would only put the expectation away from the assertion that states it.
[assembly: SuppressMessage(
    "Performance",
    "CA1861:Avoid constant arrays as arguments",
    Justification = "Expected values inline in test assertions; not a hot path.",
    Scope = "namespaceanddescendants",
    Target = "~N:CustomerService.Tests.Integration")]
