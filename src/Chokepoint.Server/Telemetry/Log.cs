namespace Chokepoint.Server.Telemetry;

/// <summary>Structured log messages with fixed event ids; no message ever carries a password or key.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Lists loaded from {Origin}: {Sources} sources, {Entities} entities")]
    public static partial void ListsLoaded(ILogger logger, string origin, int sources, int entities);

    [LoggerMessage(1001, LogLevel.Warning, "List problem: {Problem}")]
    public static partial void ListProblem(ILogger logger, string problem);

    [LoggerMessage(1002, LogLevel.Error, "No lists are in force: {Reason}")]
    public static partial void NoLists(ILogger logger, string reason);

    [LoggerMessage(1003, LogLevel.Error, "Loading lists failed")]
    public static partial void ListLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(1010, LogLevel.Information, "Database ready ({Provider})")]
    public static partial void DatabaseReady(ILogger logger, string provider);

    [LoggerMessage(1011, LogLevel.Warning, "First start: created the admin account {Name}; the password was printed once on the console")]
    public static partial void AdminCreated(ILogger logger, string name);

    [LoggerMessage(1020, LogLevel.Information, "Batch {JobId}: {Done}/{Total} screened")]
    public static partial void BatchProgress(ILogger logger, Guid jobId, int done, int total);

    [LoggerMessage(1021, LogLevel.Error, "Batch {JobId} failed")]
    public static partial void BatchFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(1030, LogLevel.Information, "Monitoring: {Parties} parties re-screened against {Entries} new or changed entries, {Alerts} alerts")]
    public static partial void Rescreened(ILogger logger, int parties, int entries, int alerts);

    [LoggerMessage(1040, LogLevel.Warning, "Sign-in failed for {Name}")]
    public static partial void SignInFailed(ILogger logger, string name);

    [LoggerMessage(1041, LogLevel.Warning, "Rejected an unknown API key with prefix {Prefix}")]
    public static partial void UnknownKey(ILogger logger, string prefix);

    [LoggerMessage(1050, LogLevel.Error, "Writing {Count} screening audit records failed; retrying")]
    public static partial void AuditWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(1051, LogLevel.Error, "Recording a group of {Count} alerts failed; every request in it was answered with the error")]
    public static partial void AlertWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(1060, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
