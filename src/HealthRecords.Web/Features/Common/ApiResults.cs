using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthRecords.Web.Features.Common;

/// <summary>Maps a <see cref="CommandResult{T}"/> to HTTP: 400 problem+json with field errors, 404, 403, 409.</summary>
public static class ApiResults
{
    public static Results<Ok<T>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult, Conflict<ProblemDetails>> From<T>(CommandResult<T> result) =>
        result.Status switch
        {
            CommandStatus.Ok => TypedResults.Ok(result.Value!),
            _ => Failure(result),
        };

    public static Results<Created<T>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult, Conflict<ProblemDetails>> Created<T>(CommandResult<T> result, Func<T, string> location) =>
        result.Status switch
        {
            CommandStatus.Ok => TypedResults.Created(location(result.Value!), result.Value!),
            CommandStatus.Invalid => Invalid(result),
            CommandStatus.NotFound => NotFound(result),
            CommandStatus.Conflict => Conflict(result),
            _ => Forbidden(result),
        };

    private static Results<Ok<T>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult, Conflict<ProblemDetails>> Failure<T>(CommandResult<T> result) =>
        result.Status switch
        {
            CommandStatus.Invalid => Invalid(result),
            CommandStatus.NotFound => NotFound(result),
            CommandStatus.Conflict => Conflict(result),
            _ => Forbidden(result),
        };

    private static ValidationProblem Invalid<T>(CommandResult<T> r) =>
        TypedResults.ValidationProblem(r.Errors, title: r.Message);

    private static NotFound<ProblemDetails> NotFound<T>(CommandResult<T> r) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = r.Message });

    private static ProblemHttpResult Forbidden<T>(CommandResult<T> r) =>
        TypedResults.Problem(title: r.Message, statusCode: StatusCodes.Status403Forbidden);

    private static Conflict<ProblemDetails> Conflict<T>(CommandResult<T> r)
    {
        var problem = new ProblemDetails { Status = 409, Title = r.Message };
        if (r.Extra is not null)
        {
            problem.Extensions["detail"] = r.Extra;
        }
        return TypedResults.Conflict(problem);
    }
}
