import { Input, Text, View } from '@tarojs/components';
import type { SizeInput } from '@wematrix/shared';
import type { ReactElement } from 'react';

export interface SizeFieldProps {
  field: keyof SizeInput;
  label: string;
  unit: string;
  placeholder: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function SizeField(props: SizeFieldProps): ReactElement {
  return (
    <View className={`size-field${props.error ? ' size-field--error' : ''}`}>
      <Text className="size-field__label">{props.label}</Text>
      <Input
        className={`size-field__input wm-size-input wm-size-input--${props.field}`}
        type="digit"
        value={props.value}
        placeholder={props.placeholder}
        maxlength={5}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      <Text className="size-field__unit">{props.unit}</Text>
      {props.error ? <Text className="size-field__error">{props.error}</Text> : null}
    </View>
  );
}
