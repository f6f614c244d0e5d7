namespace Microsoft.Xrm.Sdk
{
    /// <summary>The value of a choice (option set) column. Equal by Value.</summary>
    public sealed class OptionSetValue
    {
        private int _value;

        public OptionSetValue()
        {
        }

        public OptionSetValue(int value)
        {
            _value = value;
        }

        public int Value
        {
            get { return _value; }
            set { _value = value; }
        }

        public override bool Equals(object obj)
        {
            var other = obj as OptionSetValue;
            if (other == null)
            {
                return false;
            }

            return ReferenceEquals(this, other) || _value.Equals(other._value);
        }

        public override int GetHashCode()
        {
            return _value.GetHashCode();
        }
    }
}
