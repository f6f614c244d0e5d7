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
        Bodies(type).Any(body => CallsIn(body.Method, body.Il, target));

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

    private static bool CallsIn(MethodBase method, byte[] il, MethodInfo target)
    {
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (Call or CallVirt))
            {
                continue;
            }

            var token = BitConverter.ToInt32(il, i + 1);
            try
            {
                var called = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                if (called is MethodInfo info && (info == target || (info.Name == target.Name && target.DeclaringType!.IsAssignableFrom(info.DeclaringType))))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // Not a method token at this offset.
            }
            catch (BadImageFormatException)
            {
                // Not a token at all.
            }
        }

        return false;
    }
}
