namespace GameOps.Web.Services;

/// <summary>
/// One write rule of a service, named: <paramref name="Check"/> answers the message the UI and the API show for an input
/// that breaks it (null when the input keeps it); <paramref name="Field"/> is the input field it is about, as the API names it.
/// </summary>
public sealed record WriteRule<TInput>(string Name, string? Field, Func<TInput, DateTime, string?> Check);

/// <summary>
/// The ordered rules of one kind of write, in one place: the service checks them (the first broken rule is the message),
/// the API checks the same list, and a test enumerates them (each rule has an example input that breaks it).
/// </summary>
public sealed class WriteRules<TInput>(params IReadOnlyList<WriteRule<TInput>> rules)
{
    public IReadOnlyList<WriteRule<TInput>> All { get; } = rules;

    /// <summary>The first rule the input breaks, with its message; null when it keeps them all.</summary>
    public (WriteRule<TInput> Rule, string Message)? FirstBroken(TInput input, DateTime now)
    {
        foreach (var rule in All)
            if (rule.Check(input, now) is { } message) return (rule, message);
        return null;
    }

    public string? FirstProblem(TInput input, DateTime now) => FirstBroken(input, now)?.Message;
}
