import ReserveCommands

ReserveMain.run()
