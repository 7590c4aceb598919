/** Units: the base units the engine counts resources in, and what a unit measures. */

/** A base unit the engine counts resources in. */
export type BaseUnit = '元' | '册' | '㎡' | '人' | '间' | '台';

/** What a unit measures; fields declare the dimension their base unit has. */
export type UnitDimension =
  'people' | 'area' | 'money' | 'books' | 'computers' | 'rooms' | 'classes' | 'count';
