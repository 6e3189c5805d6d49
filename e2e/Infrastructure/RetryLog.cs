namespace GameOps.E2E.Infrastructure;

/// <summary>
/// Counts the times a page object had to repeat an action, so a run shows whether a retry is still needed.
/// Written to <c>E2E_RETRY_LOG</c> when that is set.
/// </summary>
public static class RetryLog
{
    public static void Record(string what)
    {
        var path = Environment.GetEnvironmentVariable("E2E_RETRY_LOG");
        if (string.IsNullOrEmpty(path)) return;
        lock (typeof(RetryLog)) File.AppendAllText(path, $"{DateTime.UtcNow:HH:mm:ss} {what}\n");
    }
}
