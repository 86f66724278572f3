namespace Chokepoint.Cases;

/// <summary>Where a case stands in review.</summary>
public enum CaseStatus
{
    /// <summary>Alerts wait for an analyst's decision.</summary>
    Open = 0,

    /// <summary>A decision waits for a supervisor.</summary>
    AwaitingApproval,

    /// <summary>An approved decision asked for more information; the case stays open for it.</summary>
    AwaitingInformation,

    /// <summary>An approved true match or false positive closed the case.</summary>
    Closed,
}

/// <summary>What an analyst concluded about a case.</summary>
public enum DecisionOutcome
{
    /// <summary>The party is the listed entity.</summary>
    TrueMatch = 1,

    /// <summary>The party is not the listed entity.</summary>
    FalsePositive,

    /// <summary>The analyst cannot tell without more information.</summary>
    NeedsInformation,
}

/// <summary>Where a decision stands in four-eyes review.</summary>
public enum DecisionStatus
{
    /// <summary>Waits for a supervisor.</summary>
    Pending = 0,

    /// <summary>A supervisor other than the decider approved it.</summary>
    Approved,

    /// <summary>A supervisor sent it back to the analyst.</summary>
    SentBack,
}

/// <summary>Why a case operation was refused.</summary>
public enum CaseErrorCode
{
    /// <summary>A field is missing or malformed.</summary>
    Invalid = 1,

    /// <summary>The case or decision does not exist.</summary>
    NotFound,

    /// <summary>Someone changed the case since the caller read it.</summary>
    Conflict,

    /// <summary>The person who decided tried to approve their own decision.</summary>
    FourEyes,

    /// <summary>The case or decision is not in a state that allows the operation.</summary>
    InvalidState,
}

/// <summary>Why a case operation was refused, naming the field at fault where there is one.</summary>
/// <param name="Code">The kind of refusal.</param>
/// <param name="Field">The request field at fault, or null.</param>
/// <param name="Message">What is wrong, in plain words.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CaseError(CaseErrorCode Code, string? Field, string Message);

/// <summary>The outcome of a case operation: a value, or the error that refused it.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>Exactly one of <see cref="Value"/> and <see cref="Error"/> is set. Immutable and thread-safe.</remarks>
public readonly record struct CaseResult<T>
    where T : class
{
    internal CaseResult(T? value, CaseError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Gets the value when the operation succeeded.</summary>
    public T? Value { get; }

    /// <summary>Gets the error when the operation was refused.</summary>
    public CaseError? Error { get; }

    /// <summary>Gets whether the operation succeeded.</summary>
    public bool IsSuccess => Error is null;
}

/// <summary>Creates <see cref="CaseResult{T}"/> values.</summary>
public static class CaseResult
{
    /// <summary>Creates a success.</summary>
    public static CaseResult<T> Success<T>(T value)
        where T : class => new(value, null);

    /// <summary>Creates a refusal.</summary>
    public static CaseResult<T> Failure<T>(CaseErrorCode code, string? field, string message)
        where T : class => new(null, new CaseError(code, field, message));

    /// <summary>Carries an error over from another result.</summary>
    public static CaseResult<T> Failure<T>(CaseError error)
        where T : class => new(null, error);
}
