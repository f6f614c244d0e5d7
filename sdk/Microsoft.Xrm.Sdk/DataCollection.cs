using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A list-shaped collection of SDK values (Collection&lt;T&gt; plus AddRange and ToArray).
    /// As in the genuine assembly it has no public constructor: only the SDK's own types create one.
    /// </summary>
    public class DataCollection<T> : Collection<T>
    {
        internal DataCollection()
        {
        }

        /// <summary>Copies the given items (the new collection does not wrap the source).</summary>
        internal DataCollection(IEnumerable<T> items)
        {
            AddRange(items);
        }

        /// <summary>Adds each item in order; a null array adds nothing.</summary>
        public void AddRange(params T[] items)
        {
            if (items != null)
            {
                AddRange((IEnumerable<T>)items);
            }
        }

        /// <summary>Adds each item in order; a null sequence adds nothing.</summary>
        public void AddRange(IEnumerable<T> items)
        {
            if (items == null)
            {
                return;
            }

            foreach (var item in items)
            {
                Add(item);
            }
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }

    /// <summary>
    /// A dictionary-backed collection of SDK values keyed by TKey (attributes, parameters, images, ...).
    /// Keys compare with the key type's default equality (for strings: ordinal, case-sensitive).
    /// </summary>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        // Dictionary's own message on .NET Framework; .NET (Core) adds the key to it, so the indexer throws
        // explicitly to give the same message on every runtime.
        private const string KeyNotFoundMessage = "The given key was not present in the dictionary.";

        private readonly IDictionary<TKey, TValue> _innerDictionary;

        protected internal DataCollection()
        {
            _innerDictionary = new Dictionary<TKey, TValue>();
        }

        /// <summary>Uses the given dictionary as the backing store (it is not copied).</summary>
        protected internal DataCollection(IDictionary<TKey, TValue> collection)
        {
            _innerDictionary = collection;
        }

        /// <summary>
        /// Get: the value for the key; throws KeyNotFoundException ("The given key was not present in the
        /// dictionary.") when the key is absent. Set: adds the key or replaces its value.
        /// </summary>
        public virtual TValue this[TKey key]
        {
            get
            {
                TValue value;
                if (!_innerDictionary.TryGetValue(key, out value))
                {
                    throw new KeyNotFoundException(KeyNotFoundMessage);
                }

                return value;
            }

            set
            {
                _innerDictionary[key] = value;
            }
        }

        public int Count
        {
            get { return _innerDictionary.Count; }
        }

        public ICollection<TKey> Keys
        {
            get { return _innerDictionary.Keys; }
        }

        public ICollection<TValue> Values
        {
            get { return _innerDictionary.Values; }
        }

        /// <summary>Always false for collections created outside the platform.</summary>
        public virtual bool IsReadOnly
        {
            get { return false; }
        }

        /// <summary>Adds the pair; throws ArgumentException when the key is already present.</summary>
        public void Add(KeyValuePair<TKey, TValue> item)
        {
            _innerDictionary.Add(item);
        }

        /// <summary>Adds each pair in order; a null array adds nothing.</summary>
        public void AddRange(params KeyValuePair<TKey, TValue>[] items)
        {
            AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
        }

        /// <summary>Adds each pair in order; a null sequence adds nothing.</summary>
        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null)
            {
                return;
            }

            foreach (var item in items)
            {
                _innerDictionary.Add(item);
            }
        }

        /// <summary>Adds the key and value; throws ArgumentException when the key is already present.</summary>
        public void Add(TKey key, TValue value)
        {
            _innerDictionary.Add(key, value);
        }

        public void Clear()
        {
            _innerDictionary.Clear();
        }

        /// <summary>Whether the key is present (same as ContainsKey).</summary>
        public bool Contains(TKey key)
        {
            return _innerDictionary.ContainsKey(key);
        }

        public bool Contains(KeyValuePair<TKey, TValue> key)
        {
            return _innerDictionary.Contains(key);
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            return _innerDictionary.TryGetValue(key, out value);
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            _innerDictionary.CopyTo(array, arrayIndex);
        }

        public bool ContainsKey(TKey key)
        {
            return _innerDictionary.ContainsKey(key);
        }

        public bool Remove(TKey key)
        {
            return _innerDictionary.Remove(key);
        }

        public bool Remove(KeyValuePair<TKey, TValue> item)
        {
            return _innerDictionary.Remove(item);
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            return _innerDictionary.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return _innerDictionary.GetEnumerator();
        }
    }
}
