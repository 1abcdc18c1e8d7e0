/** A YAML problem at offsets of the text. */
export interface YamlError {
  message: string;
  start: number;
  end: number;
}
