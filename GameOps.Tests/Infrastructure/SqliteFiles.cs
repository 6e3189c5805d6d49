using Microsoft.Data.Sqlite;

namespace GameOps.Tests.Infrastructure;

/// <summary>Fresh SQLite database files in the temp directory, one per test, deleted afterwards.</summary>
public static class SqliteFiles
{
    static readonly string Folder = Path.Combine(Path.GetTempPath(), "gameops-tests");

    /// <summary>
    /// A path that does not exist yet and its connection string. Pooled, as the app's is: a test opens hundreds of
    /// contexts, and a fresh connection re-reads the schema each time. <see cref="Delete"/> closes the pooled connections first.
    /// </summary>
    public static (string Path, string ConnectionString) Create()
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        return (path, ConnectionStringFor(path));
    }

    static string ConnectionStringFor(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    /// <summary>Closes the idle pooled connections to the file, so it can be copied as it is or deleted.</summary>
    public static void ReleaseConnections(string path)
    {
        using var connection = new SqliteConnection(ConnectionStringFor(path));
        SqliteConnection.ClearPool(connection);
    }

    public static void Delete(string path)
    {
        ReleaseConnections(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try { File.Delete(file); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
