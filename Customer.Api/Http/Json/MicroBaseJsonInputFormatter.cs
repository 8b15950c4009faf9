using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace CustomerService.Api.Http.Json;

/// <summary>
/// Reads MicroBase request bodies: at most <see cref="MaxBodyBytes"/> of JSON, checked for shape by
/// <see cref="JsonShapeChecker"/> (every problem recorded in model state), then deserialized.
/// </summary>
public sealed class MicroBaseJsonInputFormatter : InputFormatter, IInputFormatterExceptionPolicy
{
    public const int MaxBodyBytes = 64 * 1024;

    public MicroBaseJsonInputFormatter()
    {
        SupportedMediaTypes.Add("application/json");
        SupportedMediaTypes.Add("application/*+json");
    }

    // Only malformed input becomes model state; an oversized body must reach the exception handler as a 413.
    public InputFormatterExceptionPolicy ExceptionPolicy => InputFormatterExceptionPolicy.MalformedInputExceptions;

    // The base class answers an empty body itself; here it gets the same treatment as any other bad body.
    public override Task<InputFormatterResult> ReadAsync(InputFormatterContext context) => ReadRequestBodyAsync(context);

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        var pipe = request.BodyReader;
        var read = await ReadWholeBodyAsync(pipe, context.HttpContext.RequestAborted);
        try
        {
            return Deserialize(context, read.Buffer);
        }
        finally
        {
            pipe.AdvanceTo(read.Buffer.End);
        }
    }

    private static async Task<ReadResult> ReadWholeBodyAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken);
            if (read.Buffer.Length > MaxBodyBytes)
            {
                pipe.AdvanceTo(read.Buffer.End);
                throw TooLarge();
            }

            if (read.IsCompleted)
            {
                return read;
            }

            pipe.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static InputFormatterResult Deserialize(InputFormatterContext context, ReadOnlySequence<byte> body) =>
        JsonRequestReader.Read(body, context.ModelType, context.ModelState) is { } model
            ? InputFormatterResult.Success(model)
            : InputFormatterResult.Failure();

    private static BadHttpRequestException TooLarge() =>
        new($"The request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
}
