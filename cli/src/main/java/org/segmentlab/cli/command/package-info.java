/** The verbs of the {@code segmentlab} command, one class per subcommand, and the option groups they share. */
package org.segmentlab.cli.command;
