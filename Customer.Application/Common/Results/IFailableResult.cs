using CustomerService.Application.Common.Errors;

namespace CustomerService.Application.Common.Results;

/// <summary>
/// A response type that can carry a failure. Pipeline behaviours are constrained to it, so they can
/// short-circuit with an error without knowing the concrete response type.
/// </summary>
public interface IFailableResult<out TSelf>
    where TSelf : IFailableResult<TSelf>
{
    static abstract TSelf Failure(ServiceError serviceError);
}
