using System;
using System.Security.Cryptography;
using System.Text;
using PropertyCrm.Domain;

namespace PropertyCrm.Plugins.Registration;

/// <summary>
/// Deterministic GUIDs for solution components (steps, images, plug-in types) derived from their names,
/// so every pack of the same code yields the same ids and an upgrade updates rather than duplicates.
/// Name-based UUID, version 5 (RFC 4122 §4.3) in the project's own namespace.
/// </summary>
public static class StableId
{
    private static readonly byte[] NamespaceBytes = new Guid("6f1c5b0e-5c43-4d7e-9a7f-2d6f0c1b8a11").ToByteArray();

    public static Guid From(string name)
    {
        Guard.NotNull(name, nameof(name));

        var nameBytes = Encoding.UTF8.GetBytes(name);
        var ns = ToNetworkOrder(NamespaceBytes);
        var input = new byte[ns.Length + nameBytes.Length];
        Buffer.BlockCopy(ns, 0, input, 0, ns.Length);
        Buffer.BlockCopy(nameBytes, 0, input, ns.Length, nameBytes.Length);

        byte[] hash;
        using (var sha1 = SHA1.Create())
        {
            hash = sha1.ComputeHash(input);
        }

        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(ToNetworkOrder(bytes));
    }

    // Guid's byte array is little-endian in its first three fields; RFC 4122 works in network order.
    private static byte[] ToNetworkOrder(byte[] guidBytes)
    {
        var b = (byte[])guidBytes.Clone();
        Array.Reverse(b, 0, 4);
        Array.Reverse(b, 4, 2);
        Array.Reverse(b, 6, 2);
        return b;
    }
}
