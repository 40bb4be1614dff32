namespace HealthRecords.Web.Features.Common;

/// <summary>
/// The outcome of a use case, shared by the API (mapped to HTTP by <see cref="ApiResults"/>) and the
/// pages (which show <see cref="Errors"/> beside their fields).
/// </summary>
public sealed class CommandResult<T>
{
    private CommandResult(CommandStatus status, T? value, IReadOnlyDictionary<string, string[]>? errors, string? message, object? extra)
    {
        Status = status;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
        Message = message;
        Extra = extra;
    }

    public CommandStatus Status { get; }
    public T? Value { get; }
    /// <summary>Field errors keyed by the JSON path of the field, messages in Chinese.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public string? Message { get; }
    /// <summary>Details a conflict carries, such as the existing record or duplicate candidates.</summary>
    public object? Extra { get; }
    public bool Succeeded => Status == CommandStatus.Ok;

    public static CommandResult<T> Ok(T value) => new(CommandStatus.Ok, value, null, null, null);
    public static CommandResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CommandStatus.Invalid, default, errors, "提交的内容有误，请按提示修改", null);
    public static CommandResult<T> Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static CommandResult<T> NotFound() => new(CommandStatus.NotFound, default, null, Kernel.RecordMessages.RecordNotFound, null);
    public static CommandResult<T> NotFound(string message) => new(CommandStatus.NotFound, default, null, message, null);
    public static CommandResult<T> Forbidden(string message) => new(CommandStatus.Forbidden, default, null, message, null);
    public static CommandResult<T> Conflict(string message, object? extra = null) => new(CommandStatus.Conflict, default, null, message, extra);

    public CommandResult<TOther> As<TOther>() => new(Status, default, Errors, Message, Extra);
}

public enum CommandStatus
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}
