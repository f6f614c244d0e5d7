using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PropertyCrm.Tests.Support;

/// <summary>
/// Which methods a type's code calls, read from its IL: the type's own methods, constructors and accessors, and those of
/// its nested types (the compiler puts lambdas and local functions there). Every byte offset is tried as a call or callvirt
/// followed by a method token, so no call is missed; a stray match would have to resolve to the very method asked about.
/// </summary>
public static class IlCalls
{
    private const byte Call = 0x28;
    private const byte CallVirt = 0x6F;
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static bool Calls(Type type, MethodInfo target) =>
        Bodies(type).Any(body => CalledBy(body.Method, body.Il).Any(called => IsTarget(called, target)));

    /// <summary>
    /// Whether the type's code calls <paramref name="target"/> directly or through methods of its own assembly, followed
    /// transitively (a plug-in handler that writes through an area service built from the execution scope).
    /// </summary>
    public static bool Reaches(Type type, MethodInfo target)
    {
        var seen = new HashSet<MethodBase>();
        var pending = new Queue<(MethodBase Method, byte[] Il)>(Bodies(type));
        while (pending.Count > 0)
        {
            var (method, il) = pending.Dequeue();
            foreach (var called in CalledBy(method, il))
            {
                if (called is MethodInfo info && IsTarget(info, target))
                {
                    return true;
                }

                if (called.Module.Assembly == type.Assembly && seen.Add(called) && called.GetMethodBody()?.GetILAsByteArray() is { } body)
                {
                    pending.Enqueue((called, body));
                }
            }
        }

        return false;
    }

    private static IEnumerable<(MethodBase Method, byte[] Il)> Bodies(Type type)
    {
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        foreach (var method in methods)
        {
            if (method.GetMethodBody()?.GetILAsByteArray() is { } il)
            {
                yield return (method, il);
            }
        }

        foreach (var nested in type.GetNestedTypes(Declared).SelectMany(Bodies))
        {
            yield return nested;
        }
    }

    private static bool IsTarget(MethodBase called, MethodInfo target) =>
        called is MethodInfo info && (info == target || (info.Name == target.Name && target.DeclaringType!.IsAssignableFrom(info.DeclaringType)));

    private static IEnumerable<MethodBase> CalledBy(MethodBase method, byte[] il)
    {
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (Call or CallVirt))
            {
                continue;
            }

            var token = BitConverter.ToInt32(il, i + 1);
            MethodBase? called = null;
            try
            {
                called = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
            }
            catch (ArgumentException)
            {
                // Not a method token at this offset.
            }
            catch (BadImageFormatException)
            {
                // Not a token at all.
            }

            if (called is not null)
            {
                yield return called;
            }
        }
    }
}
