using GameOps.Data;
namespace GameOps.Bench;
public static class RunCommand
{
    public static Task<int> RunAsync(DatabaseOptions database, int iterations, string outDir) => Task.FromResult(0);
}
