/** Every benchmark suite, one import per line: add yours here. */
import './engine.bench';
import './functions.bench';
import './planner.bench';
import './xlsx.bench';
