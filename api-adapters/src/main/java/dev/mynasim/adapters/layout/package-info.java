/** Simulator-defined data layouts of the record-serving APIs, the checks records must pass, and the demo records. */
package dev.mynasim.adapters.layout;
