using System.Text;
using System.Text.Json;
using CustomerService.Application.Common.Json;
using CustomerService.Application.Customers.ListCustomers;

namespace CustomerService.Tests.Application;

public sealed class StringListJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new StringListJsonConverter() } };

    // No converter registered: the list query's properties must pick it up from their attribute.
    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

    private static IReadOnlyList<string>? Read(string json) => JsonSerializer.Deserialize<IReadOnlyList<string>>(json, Options);

    private static IReadOnlyList<string>? ReadDirectly(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return new StringListJsonConverter().Read(ref reader, typeof(IReadOnlyList<string>), Options);
    }

    [Test]
    public void ReadsOneStringAsOneValue()
    {
        Assert.That(Read("\"VIP\""), Is.EqualTo((string[])["VIP"]));
    }

    [Test]
    public void ReadsCommaSeparatedStringAsSeveralValues()
    {
        Assert.That(Read("\"a,b\""), Is.EqualTo((string[])["a", "b"]));
    }

    [Test]
    public void TrimsValuesAndDropsBlankOnes()
    {
        Assert.That(Read("\" a , ,b \""), Is.EqualTo((string[])["a", "b"]));
    }

    [TestCase("\"\"")]
    [TestCase("\" , ,\"")]
    [TestCase("[]")]
    public void ReadsAnEmptyArrayOrAStringOfNothingButBlanksAsEmptyList(string json)
    {
        Assert.That(Read(json), Is.Empty);
    }

    [Test]
    public void ReadsArrayOfStrings()
    {
        Assert.That(Read("[\"a\", \"b\", \"a\"]"), Is.EqualTo((string[])["a", "b", "a"]));
    }

    [Test]
    public void KeepsEachArrayElementWholeCommasIncludedAndTrimsIt()
    {
        Assert.That(Read("[\"a,b\", \" c \", \"b2b, x\"]"), Is.EqualTo((string[])["a,b", "c", "b2b, x"]));
    }

    [Test]
    public void KeepsBlankArrayElementsForValidationToRefuse()
    {
        Assert.That(Read("[\"a\", \"\", \" \"]"), Is.EqualTo((string[])["a", "", ""]));
    }

    [Test]
    public void KeepsCaseAndInnerSpaces()
    {
        Assert.That(Read("\"John Doe@Example.com\""), Is.EqualTo((string[])["John Doe@Example.com"]));
    }

    [TestCase("5")]
    [TestCase("true")]
    [TestCase("false")]
    [TestCase("{}")]
    [TestCase("{\"a\": \"b\"}")]
    public void ThrowsJsonExceptionGivenNeitherStringNorArray(string json)
    {
        Assert.Throws<JsonException>(() => Read(json));
        Assert.Throws<JsonException>(() => ReadDirectly(json));
    }

    [TestCase("[1]")]
    [TestCase("[\"a\", 2]")]
    [TestCase("[\"a\", null]")]
    [TestCase("[true]")]
    [TestCase("[[\"a\"]]")]
    [TestCase("[{}]")]
    public void ThrowsJsonExceptionGivenArrayWithNonStringEntry(string json)
    {
        Assert.Throws<JsonException>(() => Read(json));
    }

    [Test]
    public void ReadsThroughTheAttributeOnTheListQuery()
    {
        var query = JsonSerializer.Deserialize<ListCustomersQuery>(
            """{"id": "x1,x2", "email": ["\"a,b\"@b.co"], "status": "ACTIVE", "tags": [" VIP , gold", "b2b,x"], "limit": 5, "skip": 1}""",
            WebOptions);

        Assert.That(query, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(query!.Id, Is.EqualTo((string[])["x1", "x2"]));
            Assert.That(query.Email, Is.EqualTo((string[])["\"a,b\"@b.co"]));
            Assert.That(query.Status, Is.EqualTo((string[])["ACTIVE"]));
            Assert.That(query.Tags, Is.EqualTo((string[])["VIP , gold", "b2b,x"]));
            Assert.That(query.Limit, Is.EqualTo(5));
            Assert.That(query.Skip, Is.EqualTo(1));
        }
    }

    [Test]
    public void LeavesFilterNullGivenJsonNull()
    {
        var query = JsonSerializer.Deserialize<ListCustomersQuery>("""{"tags": null}""", WebOptions);

        Assert.That(query?.Tags, Is.Null);
    }

    [Test]
    public void ThrowsJsonExceptionThroughTheListQueryGivenANumberFilter()
    {
        Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize<ListCustomersQuery>("""{"status": 1}""", WebOptions));
    }

    [Test]
    public void WritesAnArrayOfStrings()
    {
        var json = JsonSerializer.Serialize<IReadOnlyList<string>>(["a", "b,c"], Options);

        Assert.That(json, Is.EqualTo("""["a","b,c"]"""));
    }

    [TestCase(JsonTokenType.String, true)]
    [TestCase(JsonTokenType.StartArray, true)]
    [TestCase(JsonTokenType.Number, false)]
    [TestCase(JsonTokenType.True, false)]
    [TestCase(JsonTokenType.False, false)]
    [TestCase(JsonTokenType.StartObject, false)]
    [TestCase(JsonTokenType.Null, false)]
    public void AcceptsOnlyStringOrArrayTokens(JsonTokenType token, bool accepted)
    {
        Assert.That(new StringListJsonConverter().Accepts(token), Is.EqualTo(accepted));
    }

    [Test]
    public void DescribesTheExpectedShape()
    {
        Assert.That(new StringListJsonConverter().Expected, Is.EqualTo("a string or an array of strings"));
    }
}
