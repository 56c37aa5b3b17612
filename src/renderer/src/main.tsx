import { chooseLabClient } from './api/choose-client'
import { mountApp } from './mount-app'

mountApp(chooseLabClient())
