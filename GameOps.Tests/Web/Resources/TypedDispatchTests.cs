using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using GameOps.Web.Resources;

namespace GameOps.Tests.Web.Resources;

/// <summary>
/// Issue 15: code that needs an entity type as a type argument reaches it through <see cref="ResourceDescription.Accept"/>, never
/// by building a generic method at run time and invoking it. (<c>Type.GetMethod</c> for expression trees stays allowed: without
/// <c>MakeGenericMethod</c> or <c>Invoke</c> it cannot dispatch.)
/// </summary>
public sealed class TypedDispatchTests
{
    static readonly (string Type, string Member)[] Forbidden =
    [
        ("System.Reflection.MethodInfo", "MakeGenericMethod"),
        ("System.Reflection.MethodBase", "Invoke"),
        ("System.Reflection.MethodInfo", "Invoke"),
        ("System.Reflection.ConstructorInfo", "Invoke"),
        ("System.Delegate", "DynamicInvoke"),
    ];

    [Fact]
    public void The_web_assembly_never_calls_reflection_dispatch() =>
        Assert.Empty(ReflectionDispatchIn(typeof(ResourceCatalog).Assembly));

    [Fact]
    public void The_check_finds_reflection_dispatch_where_it_is_used()
    {
        Assert.Equal(nameof(ResourceCatalog), OldStyleDispatch(typeof(ResourceCatalog)));
        var found = ReflectionDispatchIn(typeof(TypedDispatchTests).Assembly);
        Assert.Contains("System.Reflection.MethodInfo.MakeGenericMethod", found);
        Assert.Contains("System.Reflection.MethodBase.Invoke", found);
    }

    /// <summary>The reflection members an assembly calls, read from its metadata (a call needs a member reference).</summary>
    static List<string> ReflectionDispatchIn(System.Reflection.Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var calls = new List<string>();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference) continue;
            var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
            var typeName = $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
            var memberName = metadata.GetString(member.Name);
            if (Forbidden.Contains((typeName, memberName))) calls.Add($"{typeName}.{memberName}");
        }
        return calls;
    }

    /// <summary>What the old code did (and what <see cref="The_check_finds_reflection_dispatch_where_it_is_used"/> finds in this assembly).</summary>
    static object? OldStyleDispatch(Type entityType) =>
        typeof(TypedDispatchTests).GetMethod(nameof(Typed), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType).Invoke(null, []);

    static string Typed<T>() => typeof(T).Name;

    /// <summary>Property access by reflection, forbidden in the resource machinery (declarations are built from typed expressions).</summary>
    static readonly string[] ForbiddenInResources =
        ["System.Reflection.PropertyInfo.GetValue", "System.Reflection.PropertyInfo.SetValue", .. Forbidden.Select(f => $"{f.Type}.{f.Member}")];

    [Fact]
    public void The_resource_machinery_never_reads_or_writes_a_property_by_reflection()
    {
        var resources = typeof(ResourceCatalog).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("GameOps.Web.Resources", StringComparison.Ordinal) == true);
        Assert.Empty(resources.SelectMany(t => CallsIn(t).Where(ForbiddenInResources.Contains).Select(call => $"{t.FullName}: {call}")).Distinct());
    }

    [Fact]
    public void The_property_check_finds_reflection_where_it_is_used() =>
        Assert.Contains("System.Reflection.PropertyInfo.GetValue", CallsIn(typeof(PropertyByReflection)));

    static class PropertyByReflection
    {
        public static object? Read(object entity) => entity.GetType().GetProperty("Id")!.GetValue(entity);
    }

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every method a type's own IL calls (its methods, constructors, lambdas and state machines: nested types count too).</summary>
    static IEnumerable<string> CallsIn(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null) continue;
            for (var i = 0; i < il.Length;)
            {
                var op = il[i] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))] : OpCodesByValue[il[i]];
                i += op.Size;
                if (op.OperandType is OperandType.InlineMethod)
                {
                    MethodBase? called = null;
                    try
                    {
                        called = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), type.IsGenericType ? type.GetGenericArguments() : null,
                            method.IsGenericMethod ? method.GetGenericArguments() : null);
                    }
                    catch (ArgumentException) { }
                    if (called?.DeclaringType is { } declaring) yield return $"{declaring.FullName}.{called.Name}";
                }
                i += op.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                    _ => 4,
                };
            }
        }
    }

    [Fact]
    public void No_source_file_of_the_web_project_builds_generic_methods_at_run_time()
    {
        var web = Path.Combine(RepositoryRoot(), "GameOps.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("MakeGenericMethod", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();
        Assert.Empty(offenders);
    }

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GameOps.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GameOps.sln not found above " + AppContext.BaseDirectory);
    }
}
