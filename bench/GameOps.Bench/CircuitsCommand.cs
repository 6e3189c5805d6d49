using GameOps.Data;
namespace GameOps.Bench;
public static class CircuitsCommand
{
    public static Task<int> RunAsync(DatabaseOptions database, int pages, string outDir) => Task.FromResult(0);
}
