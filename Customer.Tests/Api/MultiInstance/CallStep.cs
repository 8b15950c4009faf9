using System.Text.Json.Nodes;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>One method call: its name and JSON body.</summary>
public sealed record MethodCall(string Method, JsonObject Body);

/// <summary>A call to make about a customer, built from that customer as the last answer showed it (id, address ids).</summary>
public delegate MethodCall CallStep(JsonObject customer);
